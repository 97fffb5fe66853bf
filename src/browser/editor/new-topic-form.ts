/**
 * "Nyt emne" on the preview's index: slug, title and language, made by the server with
 * `dialogkit new`'s own code (never over an existing file), then the new topic's page opens.
 */
import { createTopic } from './server-api.js';

export function createNewTopicForm(): HTMLElement {
  const form = document.createElement('form');
  form.className = 'new-topic';
  form.setAttribute('aria-label', 'Nyt emne');
  const heading = document.createElement('h2');
  heading.textContent = 'Nyt emne';
  const slug = field('Kortnavn (filnavn og adresse)', 'slug', 'fx digital-post-for-paaroerende');
  slug.input.required = true;
  slug.input.pattern = '[a-z0-9]+(-[a-z0-9]+)*';
  const title = field('Titel', 'title', 'fx Digital post for pårørende');
  const language = document.createElement('label');
  language.textContent = 'Sprog ';
  const select = document.createElement('select');
  select.name = 'language';
  select.append(new Option('Dansk', 'da'), new Option('Engelsk', 'en'));
  language.append(select);
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.textContent = 'Opret emne';
  const message = document.createElement('p');
  message.className = 'new-topic-message';
  message.setAttribute('role', 'status');
  form.append(heading, slug.label, title.label, language, submit, message);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    message.textContent = 'Opretter …';
    message.classList.remove('failing');
    createTopic({ slug: slug.input.value.trim(), title: title.input.value.trim(), language: select.value })
      .then((made) => location.assign(`/_preview/${encodeURIComponent(made)}/`))
      .catch((error: unknown) => {
        message.textContent = error instanceof Error ? error.message : String(error);
        message.classList.add('failing');
      })
      .finally(() => (submit.disabled = false));
  });
  return form;
}

function field(text: string, name: string, placeholder: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  const label = document.createElement('label');
  label.textContent = `${text} `;
  const input = document.createElement('input');
  input.name = name;
  input.placeholder = placeholder;
  input.autocomplete = 'off';
  label.append(input);
  return { label, input };
}
