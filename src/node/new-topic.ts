import { link, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode } from '../core/diagnostics.js';
import { SLUG } from '../core/parse/parse-front-matter.js';
import { topicSkeleton, WRITE_THIS } from '../core/new/skeleton.js';

export interface NewTopicRequest {
  slug: string;
  contentDir: string;
  title?: string;
  language: string;
  /** Today, as YYYY-MM-DD: the skeleton's `date`. */
  today: string;
}

/**
 * `dialogkit new SLUG`: writes `<content>/<slug>.md`, a topic skeleton, and never replaces a
 * file that is there. The text is written under a temporary name and hard-linked into place:
 * `link` fails if the name is taken, even when another process made it a moment ago, and a
 * failed write never leaves half a topic under the real name. Returns the exit code and one line.
 */
export async function newTopic(request: NewTopicRequest): Promise<{ code: number; line: string }> {
  const { slug, contentDir } = request;
  if (!SLUG.test(slug))
    return {
      code: ExitCode.usageError,
      line: `"${slug}" is no slug: it may only hold a-z, 0-9 and single hyphens, e.g. private-it-loesninger`,
    };
  if (request.language !== 'da' && request.language !== 'en')
    return { code: ExitCode.usageError, line: `--language must be da or en, not "${request.language}"` };
  const target = join(contentDir, `${slug}.md`);
  const text = topicSkeleton({
    language: request.language,
    date: request.today,
    ...(request.title !== undefined && { title: request.title }),
  });
  await mkdir(contentDir, { recursive: true });
  const temporary = join(contentDir, `.${slug}.md.${process.pid}.new`);
  await writeFile(temporary, text, { flag: 'wx' });
  try {
    await link(temporary, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return { code: ExitCode.usageError, line: `${target} is already there; it was left as it is (choose another slug)` };
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  return {
    code: ExitCode.ok,
    line: `Wrote ${target}: write the texts marked ${WRITE_THIS[request.language]}, then run \`dialogkit check\``,
  };
}
