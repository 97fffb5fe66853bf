import { closest } from './suggest.js';

/**
 * What a layout's front matter may set, declared per product as a table (products/*.ts): each
 * setting's type, unit, allowed values and default. `readLayoutSettings` checks a layout against its
 * table and returns complete, typed values: a layout states only what it changes.
 */
export type Setting =
  | { type: 'number'; default: number; min: number; max: number; unit: 'pt' | 'mm' | 'factor' | 'lines' }
  | { type: 'choice'; default: string; values: readonly string[] }
  | { type: 'colour'; default: string }
  | { type: 'font'; default: string }
  | { type: 'margins'; default: readonly [number, number, number, number] };

export interface SettingsTable {
  readonly [key: string]: Setting | SettingsTable;
}

/** The values a table describes: numbers, strings and margins, nested as the table is. */
export type SettingsOf<T extends SettingsTable> = {
  readonly [K in keyof T]: T[K] extends { type: 'number' }
    ? number
    : T[K] extends { type: 'choice'; values: readonly (infer V)[] }
      ? V
      : T[K] extends { type: 'margins' }
        ? [number, number, number, number]
        : T[K] extends Setting
          ? string
          : T[K] extends SettingsTable
            ? SettingsOf<T[K]>
            : never;
};

/** A setting's place in the layout, for messages: its line and column. */
export type Locate = (path: readonly string[]) => { line: number; col: number };

export interface SettingProblem {
  path: readonly string[];
  message: string;
  hint?: string;
}

/** Checks `raw` (a layout's parsed front matter) against `table`; every value has its default when unset. */
export function readLayoutSettings(
  table: SettingsTable,
  raw: unknown,
  fonts: readonly string[],
): { values: Record<string, unknown>; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const values = readTable(table, raw, [], fonts, problems);
  return { values, problems };
}

// --- internal ---

function isSetting(entry: Setting | SettingsTable): entry is Setting {
  return typeof (entry as { type?: unknown }).type === 'string' && 'default' in entry;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readTable(
  table: SettingsTable,
  raw: unknown,
  path: string[],
  fonts: readonly string[],
  problems: SettingProblem[],
): Record<string, unknown> {
  const given = isMap(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isMap(raw))
    problems.push({
      path,
      message: `\`${path.join('.')}\` must be a group of settings, not a single value`,
      hint: `settings under it: ${Object.keys(table).join(', ')}`,
    });
  for (const key of Object.keys(given)) {
    if (Object.hasOwn(table, key)) continue;
    const guess = closest(key, Object.keys(table));
    const where = path.length > 0 ? ` under \`${path.join('.')}\`` : '';
    problems.push({
      path: [...path, key],
      message: `unknown setting \`${key}\`${where}`,
      hint: guess ? `did you mean \`${guess}\`?` : `settings here: ${Object.keys(table).join(', ')}`,
    });
  }
  const values: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(table)) {
    const value = Object.hasOwn(given, key) ? given[key] : undefined;
    values[key] = isSetting(entry)
      ? readValue(entry, value, [...path, key], fonts, problems)
      : readTable(entry, value, [...path, key], fonts, problems);
  }
  return values;
}

function readValue(setting: Setting, value: unknown, path: string[], fonts: readonly string[], problems: SettingProblem[]): unknown {
  if (value === undefined || value === null) return setting.default;
  const name = `\`${path.join('.')}\``;
  const refuse = (message: string, hint?: string) => {
    problems.push({ path, message, ...(hint && { hint }) });
    return setting.default;
  };
  switch (setting.type) {
    case 'number': {
      const unit = setting.unit === 'pt' ? ' (points; 1 mm is 2.835 pt)' : setting.unit === 'mm' ? ' (millimetres)' : '';
      if (typeof value !== 'number' || !Number.isFinite(value))
        return refuse(
          `${name} must be a number${unit}, not ${JSON.stringify(value)}`,
          `write a plain number from ${setting.min} to ${setting.max}, e.g. ${setting.default}`,
        );
      if (value < setting.min || value > setting.max)
        return refuse(`${name} must be from ${setting.min} to ${setting.max}${unit}; it is ${value}`);
      return value;
    }
    case 'choice': {
      if (typeof value === 'string' && setting.values.includes(value)) return value;
      const guess = typeof value === 'string' ? closest(value, setting.values) : undefined;
      return refuse(
        `${name} cannot be ${JSON.stringify(value)}`,
        `${guess ? `did you mean \`${guess}\`? ` : ''}allowed: ${setting.values.join(', ')}`,
      );
    }
    case 'colour':
      if (typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value)) return value;
      return refuse(
        `${name} must be a colour as a hex code, not ${JSON.stringify(value)}`,
        `write it in quotes, e.g. "${setting.default}"`,
      );
    case 'font': {
      if (typeof value === 'string' && fonts.includes(value)) return value;
      const guess = typeof value === 'string' ? closest(value, fonts) : undefined;
      return refuse(
        `${name}: the font ${JSON.stringify(value)} is not one Dialogkit embeds`,
        `${guess ? `did you mean \`${guess}\`? ` : ''}fonts: ${fonts.join(', ')}`,
      );
    }
    case 'margins': {
      const valid =
        Array.isArray(value) && value.length === 4 && value.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 300);
      if (valid) return value;
      return refuse(
        `${name} must be four numbers in points (left, top, right, bottom), not ${JSON.stringify(value)}`,
        `e.g. [${setting.default.join(', ')}]`,
      );
    }
  }
}
