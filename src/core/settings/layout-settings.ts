import { isMap, isNode } from 'yaml';
import { diagnostic, problem } from '../messages/index.js';
import { languageDiagnostic, type FrontMatter } from '../parse/front-matter.js';
import type { Diagnostic } from '../model.js';
import { readSettings, report, type Field, type Read, type Schema, type Settings, type SettingsContext } from './read-settings.js';
import { closest } from '../suggest.js';
import type { Setting, SettingsTable } from './settings-table.js';

/**
 * Reads a layout's front matter (split by front-matter.ts, like a topic's) against `table` with the
 * same schema reader as a topic's front matter: every value checked at its line and column, and
 * every value not given has its default.
 */
export function readLayoutSettings(
  table: SettingsTable,
  front: FrontMatter,
  file: string,
  fonts: readonly string[],
): { values: Record<string, unknown>; diagnostics: Diagnostic[] } {
  const diagnostics = [...front.diagnostics];
  const ctx: SettingsContext = { file, lineCounter: front.lineCounter, noun: 'setting', diagnostics };
  let settings: Settings | undefined;
  if (front.state === 'unclosed') diagnostics.push(diagnostic('DK0516', {}, file, 1));
  else if (front.state === 'language') diagnostics.push(languageDiagnostic(file, front, 'settings'));
  else if (front.state === 'read' && !isMap(front.root)) report(ctx, front.root, problem('DK0517', {}));
  else if (front.state === 'read' && isMap(front.root)) settings = readSettings(front.root, schemaOf(table, fonts), ctx);
  return { values: valuesOf(table, settings), diagnostics };
}

// --- internal ---

function isSetting(entry: Setting | SettingsTable): entry is Setting {
  return typeof entry.type === 'string' && 'default' in entry;
}

/** The table turned into the reader's schema: each setting a field, each group of settings a map. */
function schemaOf(table: SettingsTable, fonts: readonly string[]): Schema {
  const fields: Record<string, Field> = {};
  for (const [key, entry] of Object.entries(table))
    fields[key] = isSetting(entry)
      ? { kind: 'custom', read: (value, name) => readValue(entry, name, isNode(value) ? value.toJSON() : value, fonts) }
      : { kind: 'map', fields: schemaOf(entry, fonts), example: Object.keys(entry).join(', '), code: 'DK0524' };
  return fields;
}

/** The values read, nested like the table, with each default where nothing (or nothing valid) was read. */
function valuesOf(table: SettingsTable, settings: Settings | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(table)) {
    const read = settings?.values.get(key);
    values[key] = isSetting(entry) ? (read ?? entry.default) : valuesOf(entry, read as Settings | undefined);
  }
  return values;
}

/** One value against its setting; problems read after the setting's name. */
function readValue(setting: Setting, name: string, value: unknown, fonts: readonly string[]): Read {
  const got = String(JSON.stringify(value));
  switch (setting.type) {
    case 'number': {
      const unit = setting.unit === 'pt' || setting.unit === 'mm' ? setting.unit : '';
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { problem: problem('DK0518', { name, unit, got, min: setting.min, max: setting.max, example: setting.default }) };
      if (value < setting.min || value > setting.max)
        return { problem: problem('DK0519', { name, unit, min: setting.min, max: setting.max, value }) };
      return { value };
    }
    case 'choice': {
      if (typeof value === 'string' && setting.values.includes(value)) return { value };
      const guess = typeof value === 'string' ? closest(value, setting.values) : undefined;
      return { problem: problem('DK0520', { name, got, guess: guess ?? '', values: setting.values }) };
    }
    case 'colour':
      if (typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value)) return { value };
      return { problem: problem('DK0521', { name, got, example: setting.default }) };
    case 'font': {
      if (typeof value === 'string' && fonts.includes(value)) return { value };
      const guess = typeof value === 'string' ? closest(value, fonts) : undefined;
      return { problem: problem('DK0522', { name, got, guess: guess ?? '', fonts }) };
    }
    case 'margins': {
      const valid =
        Array.isArray(value) && value.length === 4 && value.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 300);
      if (valid) return { value };
      return { problem: problem('DK0523', { name, got, example: setting.default.join(', ') }) };
    }
  }
}
