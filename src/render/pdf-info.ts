/**
 * The document information dictionary of a PDF as Chromium prints it, replaced without parsing the rest of the
 * file. Chromium (Skia) writes one classic cross-reference table, a trailer with `/Info` and no `/ID`, `/Prev` or
 * `/Encrypt`, and the Info object at the head of the file. The new Info object takes the old one's place, every
 * later object's offset in the table moves by the difference, and `startxref` with it; no other byte changes, and
 * the old Info (whose dates are the time of printing) is gone, so the same note gives the same bytes.
 *
 * Anything else (another layout, an offset that does not point at its object) returns null, and the caller sets
 * the metadata with pdf-lib, which reads and rewrites the whole file (~6 ms a note, ~40 ms cold with its modules).
 */

/** One Info entry: a text (written as UTF-16BE hex, as pdf-lib writes it) or a date (`D:YYYYMMDDHHmmSSZ`). */
export type InfoValue = { text: string } | { date: Date };

const latin1 = (b: Uint8Array, from = 0, to = b.length): string => Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('latin1');

function startsWithAscii(b: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > b.length) return false;
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** `<FEFF…>`: the text as UTF-16BE with a byte-order mark, in hex. */
export function hexText(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** `(D:20251212120000Z)`: a PDF date in UTC. */
export function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `(D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z)`;
}

/**
 * `pdf` with its Info dictionary replaced by `entries` (in order), or null when the file is not laid out as
 * described above. `requireInCatalog` must appear in the catalog's text (e.g. `/DisplayDocTitle true`), else null.
 * @example replaceInfo(new Uint8Array(), {}) //=> null
 */
export function replaceInfo(pdf: Uint8Array, entries: Record<string, InfoValue>, requireInCatalog = ''): Uint8Array | null {
  const tail = latin1(pdf, Math.max(0, pdf.length - 1024));
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!sx) return null;
  const xrefAt = Number(sx[1]);
  const trailerAt = tail.lastIndexOf('trailer');
  if (trailerAt < 0 || trailerAt > sx.index) return null;
  const trailer = tail.slice(trailerAt, sx.index);
  if (/\/(ID|Prev|Encrypt|XRefStm)\b/.test(trailer)) return null;
  const info = /\/Info\s+(\d+)\s+0\s+R/.exec(trailer);
  const root = /\/Root\s+(\d+)\s+0\s+R/.exec(trailer);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  if (!info || !root || !size) return null;
  const count = Number(size[1]);

  // the table: `xref`, one subsection `0 count`, then count entries of exactly 20 bytes
  if (xrefAt <= 0 || xrefAt >= pdf.length) return null;
  const head = /^xref\r?\n0 (\d+)\r?\n/.exec(latin1(pdf, xrefAt, Math.min(pdf.length, xrefAt + 32)));
  if (!head || Number(head[1]) !== count) return null;
  const entriesAt = xrefAt + head[0].length;
  const table = latin1(pdf, entriesAt, entriesAt + 20 * count);
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) {
    const e = /^(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)$/.exec(table.slice(20 * i, 20 * i + 20));
    if (!e) return null;
    offsets.push(e[3] === 'n' ? Number(e[1]) : -1);
  }
  if (latin1(pdf, entriesAt + 20 * count, entriesAt + 20 * count + 7) !== 'trailer') return null;
  // every object is where the table says: the moved offsets will be right too
  for (let i = 0; i < count; i++) if (offsets[i] >= 0 && !startsWithAscii(pdf, offsets[i], `${i} 0 obj`)) return null;

  const span = (n: number): [number, number] | null => {
    const at = offsets[n];
    if (at === undefined || at < 0) return null;
    let end = xrefAt;
    for (const o of offsets) if (o > at && o < end) end = o;
    const text = latin1(pdf, at, end);
    if (!text.startsWith(`${n} 0 obj`) || !/endobj\s*$/.test(text)) return null;
    return [at, end];
  };
  const infoNo = Number(info[1]);
  const old = span(infoNo);
  const catalog = span(Number(root[1]));
  if (!old || !catalog) return null;
  if (requireInCatalog && !latin1(pdf, catalog[0], catalog[1]).includes(requireInCatalog)) return null;

  const body = Object.entries(entries)
    .map(([k, v]) => `/${k} ${'text' in v ? hexText(v.text) : pdfDate(v.date)}`)
    .join('\n');
  const object = Buffer.from(`${infoNo} 0 obj\n<<\n${body}\n>>\nendobj\n`, 'latin1');
  const delta = object.length - (old[1] - old[0]);
  const pad = (n: number) => String(n).padStart(10, '0');
  let xref = head[0];
  for (let i = 0; i < count; i++) {
    const o = offsets[i];
    xref += o < 0 ? table.slice(20 * i, 20 * i + 20) : `${pad(o > old[0] ? o + delta : o)}${table.slice(20 * i + 10, 20 * i + 20)}`;
  }
  const rest = latin1(pdf, entriesAt + 20 * count, pdf.length - tail.length + sx.index);
  return Buffer.concat([
    pdf.subarray(0, old[0]),
    object,
    pdf.subarray(old[1], xrefAt),
    Buffer.from(`${xref}${rest}startxref\n${xrefAt + delta}\n%%EOF\n`, 'latin1'),
  ]);
}
