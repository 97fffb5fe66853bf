import type { Content, TableCell } from 'pdfmake/interfaces.js';

/**
 * The logical structure of a document (tagged PDF, ISO 32000-1 §14.8), as plain data.
 *
 * A product puts a `tag` on pdfmake nodes; everything laid out inside a tagged node belongs to
 * that structure element, nested in the tags of its enclosing nodes (our pdfmake patch records
 * the chain, `patches/pdfmake+*.patch`). Each tag object is one element: two nodes that share a
 * tag object share an element, e.g. a paragraph that pdfmake splits over two pages.
 */
export type Role =
  | 'Sect'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'P'
  | 'Span'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Link'
  | 'Figure'
  | 'Note'
  | 'BlockQuote'
  | 'Caption';

export interface StructureTag {
  role: Role;
  /** Alternative text: required for `Figure`. */
  alt?: string;
  /** The text a screen reader says instead of the printed one: `Varighed` for a label printed `VARIGHED`, which would be spelled out. */
  actual?: string;
  /** For `TH`: which cells it heads. */
  scope?: 'Row' | 'Column' | 'Both';
  /** For `TH`/`TD`: how many columns the cell spans, so every row has as many columns as the header. */
  colSpan?: number;
  /**
   * The element's parent when it is not the nearest tagged node around it: table rows have no
   * node of their own in pdfmake, so a cell names its row and the row sits in the table.
   */
  parent?: StructureTag;
}

/** Content that is not part of the text: running footers, page numbers, watermarks, marks. */
export interface ArtifactTag {
  artifact: 'Pagination' | 'Layout';
}

export type Tag = StructureTag | ArtifactTag;

export const PAGINATION: ArtifactTag = { artifact: 'Pagination' };
export const LAYOUT: ArtifactTag = { artifact: 'Layout' };

/** The heading role for a Markdown heading level (H1…H6). */
export function headingRole(level: number): Role {
  return `H${Math.min(6, Math.max(1, level))}` as Role;
}

export function isArtifact(tag: Tag): tag is ArtifactTag {
  return 'artifact' in tag;
}

/** A new structure element of `role`. */
export function element(role: Role, extra: Omit<StructureTag, 'role'> = {}): StructureTag {
  return { role, ...extra };
}

/** `node` belonging to `tag`. A string or an array of inline spans becomes a text node. */
function withTag(node: Content, tag: Tag): Content {
  if (typeof node === 'string' || Array.isArray(node)) return { text: node, tag } as Content;
  return { ...(node as object), tag } as Content;
}

/**
 * A table body with structure: each row a `TR`, its cells `TH` (the first `headerRows` rows,
 * heading their columns) or `TD`. Empty placeholder cells (under a `colSpan`) stay untagged.
 */
export function tableBody(rows: TableCell[][], headerRows = 0): TableCell[][] {
  return rows.map((row, r) => {
    const tr = element('TR');
    const header = r < headerRows;
    return row.map((cell) => {
      if (!('colSpan' in cell) && Object.keys(cell).length === 0) return cell;
      const span = 'colSpan' in cell ? cell.colSpan : undefined;
      return withTag(
        cell as Content,
        element(header ? 'TH' : 'TD', {
          parent: tr,
          ...(header && { scope: 'Column' as const }),
          ...(span && span > 1 && { colSpan: span }),
        }),
      ) as TableCell;
    });
  });
}

// pdfmake carries `tag` through to its renderer with our patch; teach its types the property.
declare module 'pdfmake/interfaces.js' {
  interface ContentBase {
    /** The structure element this node belongs to (tagged PDF). */
    tag?: Tag;
  }
  interface Style {
    /** The node's structure element or artifact (this module); read by the patched renderer. */
    tag?: Tag;
    /** The topic line the node was made from: where a render names text it did not draw (pdf/ledger.ts). */
    sourceLine?: number;
  }
}
