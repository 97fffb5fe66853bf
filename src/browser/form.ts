/** Reading and checking the "Tilpas og hent" form: pure, so it is tested without a browser. */

export interface FormLabels {
  working: string;
  done: string;
  failed: string;
  errors: Record<'date' | 'start' | 'duration' | 'participants' | 'organisation' | 'note' | 'logo', string>;
}

export interface FormResult {
  /** Build options, as the CLI takes them. */
  options: Record<string, unknown>;
  errors: { field: string; message: string }[];
}

/** Form fields → build options, with one message per wrong field (in the page's language). */
export function readForm(data: { get(name: string): unknown }, labels: FormLabels): FormResult {
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const options: Record<string, unknown> = {};
  const errors: FormResult['errors'] = [];
  const organisation = text('organisation');
  if (organisation.length > 80) errors.push({ field: 'organisation', message: labels.errors.organisation });
  else if (organisation) options['organisation'] = organisation;
  const date = text('date');
  if (date && !(/^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)))) errors.push({ field: 'date', message: labels.errors.date });
  else if (date) options['date'] = date;
  const start = text('start');
  if (start && !/^([01]\d|2[0-3]):[0-5]\d$/.test(start)) errors.push({ field: 'start', message: labels.errors.start });
  else if (start) options['start'] = start;
  const duration = text('duration');
  if (duration && !(/^\d+$/.test(duration) && Number(duration) >= 1 && Number(duration) <= 480)) errors.push({ field: 'duration', message: labels.errors.duration });
  else if (duration) options['duration'] = Number(duration);
  // The logo's bytes are read after this check (reading a file is asynchronous); its type is checked by the kit.
  const logo = data.get('logo') as { size?: number } | null;
  if (logo && typeof logo === 'object' && (logo.size ?? 0) > 2 * 1024 * 1024) errors.push({ field: 'logo', message: labels.errors.logo });
  const participants = text('participants');
  if (participants && !(/^\d+$/.test(participants) && Number(participants) >= 2 && Number(participants) <= 200)) errors.push({ field: 'participants', message: labels.errors.participants });
  else if (participants) options['participants'] = Number(participants);
  const paper = text('paper');
  if (paper === 'A1-tiled') Object.assign(options, { flipoverSize: 'A1', tile: 'A4' });
  else if (paper === 'A3' || paper === 'A4') options['flipoverSize'] = paper;
  const note = text('note');
  if (note.length > 400) errors.push({ field: 'note', message: labels.errors.note });
  else if (note) options['note'] = note;
  // Where the CLI published the page (`--base-url`), so tailored kits point at the same phone editions.
  const baseUrl = text('baseUrl');
  if (baseUrl) options['baseUrl'] = baseUrl;
  return { options, errors };
}
