import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pinProblems } from '../../scripts/pdfmake/pinned.js';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** A copy of what the check reads (package.json, patches/, fontkit.js) beside the real node_modules/, edited by `edit`. */
async function rootWith(edit: (root: string) => Promise<void>): Promise<string> {
  const root = await tempDir();
  await mkdir(join(root, 'scripts/pdfmake'), { recursive: true });
  await cp(join(ROOT, 'patches'), join(root, 'patches'), { recursive: true });
  await cp(join(ROOT, 'package.json'), join(root, 'package.json'));
  await cp(join(ROOT, 'scripts/pdfmake/fontkit.js'), join(root, 'scripts/pdfmake/fontkit.js'));
  await symlink(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  await edit(root);
  return root;
}

async function replaceIn(file: string, find: string, replace: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(find)) throw new Error(`not in ${file}: ${find}`);
  await writeFile(file, text.replace(find, replace));
}

describe('pdfmake, pdfkit and fontkit are the versions our patches and fontkit.js were written for', () => {
  it('holds for the installed packages and package.json', () => {
    expect(pinProblems()).toEqual([]);
  });

  it('names a patch written for another version than the installed one', async () => {
    const root = await rootWith(async (r) => {
      await rm(join(r, 'patches/pdfkit+0.19.1.patch'));
      await writeFile(join(r, 'patches/pdfkit+0.20.0.patch'), '');
    });
    expect(pinProblems(root)).toEqual([
      'pdfkit 0.19.1 is installed, but patches/pdfkit+0.20.0.patch was written for 0.20.0',
      'package.json pins pdfkit to 0.19.1 in "overrides", but patches/pdfkit+0.20.0.patch was written for 0.20.0',
    ]);
  });

  it('names fontkit.js written for another fontkit, and an override that is missing', async () => {
    const root = await rootWith(async (r) => {
      await replaceIn(join(r, 'scripts/pdfmake/fontkit.js'), 'Written for fontkit 2.0.4', 'Written for fontkit 2.1.0');
      await replaceIn(join(r, 'package.json'), '"fontkit": "2.0.4"', '"fontkit-other": "2.0.4"');
    });
    expect(pinProblems(root)).toEqual([
      'fontkit 2.0.4 is installed, but scripts/pdfmake/fontkit.js was written for 2.1.0',
      'package.json pins fontkit to nothing in "overrides", but scripts/pdfmake/fontkit.js was written for 2.1.0',
    ]);
  });
});
