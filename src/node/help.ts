/** The text of `dialogkit --help`. */
export function helpText(version: string): string {
  return `dialogkit ${version} — print-ready dialogue material from Markdown topics

Usage
  dialogkit build [options]     build every topic in the content folder into the output folder
  dialogkit check [options]     check every topic and report problems; writes nothing
  dialogkit watch [options]     build, then rebuild what a saved change affects, until Ctrl-C
  dialogkit preview [options]   watch, and show every product live in the browser with
                                the errors on the page (docs/preview.md)
  dialogkit new SLUG [options]  write content/SLUG.md, a topic skeleton to fill in; never
                                replaces a file (--title TEXT, --language da|en)

Options
  --content DIR          folder of topic files (*.md)                 default: content
  --out DIR              output folder (build)                         default: out
  --templates DIR        layouts and labels from DIR, file by file over the built-in ones
  --topic SLUG           build only this topic; repeat for more
  --start HH:MM          start time: the guide's overview shows clock times
  --organisation TEXT    municipality or team, printed on every product
  --date YYYY-MM-DD      meeting date, printed on every product
  --duration N           the session's length in minutes: the steps are scaled to it
                         (default: the topic's own minutes)
  --participants N       group size: sets the number of dot-vote idea cards
  --flipover-size SIZE   flip-chart paper: A4, A3, A2 or A1 (overrides the topic)
  --tile A4              print flip-chart sheets in A4 pieces
  --note TEXT            a line of local guidelines, printed in the guide
  --base-url URL         where out/ will be published: the guide and handout get
                         a QR code to the topic's phone edition, URL<slug>/
  --logo FILE            the municipality's logo (PNG, JPEG or SVG, at most 2 MB),
                         printed on the guide, run sheet and handout
  --adapt FILE           a topic's adaptation (tilpasning.yml): skip or retime steps,
                         own questions, media seen beforehand; once per topic (docs/adapt.md)
  --port N               preview: the port; the next free one if taken  default: 4321
  --host ADDR            preview: listen on ADDR instead of 127.0.0.1 (reachable
                         from the network: use with care)
  --open                 preview: open the preview in the browser
  --jobs N               worker threads for large builds               default: number of cores
  --force                rebuild every file, even those whose inputs did not change
  --title TEXT           new: the topic's title
  --language da|en       new: the skeleton's language                   default: da
  --strict               build, check: a warning fails the run (exit 1) as an error does
  --format text|json     how check prints diagnostics                   default: text
  --lang da|en           the language of problems found in the content  default: da when LANG is da_*, else en
  -q, --quiet            print only problems and the summary
  -h, --help             show this help
  -v, --version          show the version

Environment
  SOURCE_DATE_EPOCH      seconds since 1970, used as the PDFs' date (reproducible builds)
  LC_ALL, LC_MESSAGES, LANG   the first set: Danish problems when it starts with "da" (see --lang)

Exit codes
  0  success (warnings allowed, unless --strict)
  1  problems in the content or layouts (with --strict, warnings too)
  2  wrong usage, or an --out Dialogkit refuses (the root, your home, the content
     folder, a non-empty folder without its manifest.json)
  3  an internal error: a bug in Dialogkit (DEBUG=dialogkit shows where)
  4  the machine: no space, no permission, read-only, a name too long, a
     symbolic-link loop, or another build writing into the same --out

Dialogkit writes and deletes only files it made (see docs/cli.md, "Safe output").

Examples
  dialogkit build
  dialogkit build --topic forventningsafstemning --start 13:00
  dialogkit build --content my-topics --out public --flipover-size A1 --tile A4
  dialogkit check --format json
  dialogkit check --templates my-templates
  dialogkit new bevilling-af-hjaelpemidler --title "Bevilling af hjælpemidler"
`;
}
