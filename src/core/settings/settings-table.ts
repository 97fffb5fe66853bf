/**
 * What a layout's front matter may set, declared per product as a table (products/*.ts): each
 * setting's type, unit, allowed values and default. `readLayoutSettings` turns the table into the
 * schema of read-settings.ts, the reader topics use, and returns complete values: a layout states
 * only what it changes.
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
