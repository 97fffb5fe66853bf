import type Handlebars from 'handlebars';

/**
 * A budget on `{{#each}}` for one Handlebars environment: every pass through every loop is
 * counted, and the pass over `limit` throws `over(line)` (the loop's line in the template). A
 * hostile layout nesting loops over lists multiplies its work with every level (six levels over
 * a topic's steps ran a minute and took 900 MB); loops that print nothing are counted too.
 * `reset()` before each render.
 */
export function budgetLoops(handlebars: typeof Handlebars, limit: number, over: (line: number) => Error): { reset(): void } {
  let passes = 0;
  const each = handlebars.helpers['each'] as Handlebars.HelperDelegate;
  handlebars.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const line = (options as unknown as { loc?: { start: { line: number } } }).loc?.start.line ?? 1;
    const body = options.fn;
    const counted = Object.assign((...args: Parameters<Handlebars.TemplateDelegate>) => {
      if (++passes > limit) throw over(line);
      return body(...args);
    }, body);
    return each.call(this, context, { ...options, fn: counted }) as unknown;
  });
  return {
    reset: () => {
      passes = 0;
    },
  };
}
