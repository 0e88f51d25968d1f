import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
/** Reading printed PDFs in print tests: per-page text, word boxes, fonts. Uses poppler-utils (pdftotext, pdffonts). */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface Word {
  page: number;
  xMin: number;
  xMax: number;
  text: string;
}

/** Page count and size (pt) from pdfinfo. */
export function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** Plain text of each page (index 0 = page 1), whitespace collapsed. */
export function pageTexts(file: string): string[] {
  const { pages } = pdfInfo(file);
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
  );
}

/** Every word with its horizontal extent, from pdftotext -bbox. */
export function words(file: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: Word[] = [];
  let page = 0;
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/.exec(line);
    if (m) out.push({ page, xMin: Number(m[1]), xMax: Number(m[2]), text: m[3] });
  }
  return out;
}

/** Font rows of pdffonts: name, type, embedded. */
export function pdfFonts(file: string): { name: string; type: string; embedded: boolean }[] {
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return rows.map((r) => {
    const name = r.split(/\s+/)[0];
    const emb = /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(r);
    const type = r.slice(name.length).trim().split(/\s{2,}/)[0];
    return { name, type, embedded: emb?.[1] === 'yes' };
  });
}

/** The HTML's h2 headings, each with the first words of the text that follows it. */
export function headingsWithNext(html: string, nWords = 4): { heading: string; next: string }[] {
  const strip = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();
  const body = html.slice(html.indexOf('<body'));
  const out: { heading: string; next: string }[] = [];
  const re = /<h2[^>]*>([\s\S]*?)<\/h2>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const after = strip(body.slice(m.index + m[0].length, m.index + m[0].length + 4000));
    out.push({ heading: strip(m[1]), next: after.split(' ').slice(0, nWords).join(' ') });
  }
  return out;
}

/** pid → parent pid of every process, from /proc. */
function parentsOf(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      out.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended while we looked
    }
  }
  return out;
}

/** The live (non-zombie) processes among `root`'s descendants (root included). */
export function liveTree(root: number): number[] {
  const pp = parentsOf();
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of pp) if (!tree.has(pid) && tree.has(ppid)) (tree.add(pid), (grew = true));
  }
  return [...tree].filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
    } catch {
      return false;
    }
  });
}

/** Direct children of `ppid` whose command line mentions `needle`. */
export function childrenMatching(ppid: number, needle: string): number[] {
  const out: number[] = [];
  for (const [pid, parent] of parentsOf()) {
    if (parent !== ppid) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle)) out.push(pid);
    } catch {
      // ended while we looked
    }
  }
  return out;
}

/**
 * Chromium processes of market-note that nobody owns any more: their throw-away profile folder is gone (the
 * session was closed) or their parent has died (re-parented to init). Other live sessions — other tests running
 * at the same time — are not counted.
 */
export function orphanChromium(): string[] {
  const pp = parentsOf();
  const out: string[] = [];
  for (const [pid, ppid] of pp) {
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    const profile = /--user-data-dir=(\S*market-note-chrome-\S+)/.exec(cmd)?.[1];
    // only this process's own sessions: a CLI run of another test has a TMPDIR of its own (tests/helpers/cli.ts), and a
    // Chromium whose CLI was killed with -9 on purpose exits by itself a moment later
    if (!profile || dirname(profile) !== tmpdir() || !liveTree(pid).length) continue;
    if (!existsSync(profile) || ppid === 1) out.push(`${pid} ${cmd.slice(0, 120)}`);
  }
  return out;
}

/**
 * The empty space at the foot of each page, as a share of the page's text block: from the lowest line of text
 * above the bottom margin (pdftotext -bbox-layout; chart labels are text too) down to the margin. Margins in pt.
 */
export function footGaps(file: string, margins: { top: number; bottom: number }): number[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return xml
    .split('<page ')
    .slice(1)
    .map((page) => {
      const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
      const bottom = height - margins.bottom;
      let lowest = margins.top;
      for (const m of page.matchAll(/<block xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)) {
        const [top, low] = [Number(m[1]), Number(m[2])];
        if (top >= margins.top - 1 && low <= bottom + 1) lowest = Math.max(lowest, low);
      }
      return (bottom - lowest) / (bottom - margins.top);
    });
}
