import { parseTopic } from './src/core/parse-topic.ts';
const src = `---
title: Forventningsafstemning om digital hjælp
series: Hjælp til digitalt udfordrede borgere
duration: "45-60"
participants: "4-20"
titel: x
media: { kind: film, title: Sådan gør vi i borgerservice, url: "https://example.org/film", minutes: 6 }
---

## Tag afsæt i emnet

- Hvordan skaber vi en god forventningsafstemning med borgeren?

## Forberedelse

- **Materialer:** skriveredskaber, papkort og en flipover.

## Trin 1 (5 min): Rammesæt dilemmaet

Introducér emnet og vis filmen. Se [her](#).

### Dialogspørgsmål

- Hvor langt vil vi selv gå i den digitale hjælp?

> **Tip:** Deltagerne kan se filmen, før I mødes.

## Trin 3 (12 min): Refleksioner

### Til flipover

- Hvilke erfaringer har vi med forventningsafstemning?
  - Del kort
`;
const r = parseTopic({ path: 'content/x.md', bytes: new TextEncoder().encode(src) });
console.log(JSON.stringify(r, null, 1).slice(0, 4000));
