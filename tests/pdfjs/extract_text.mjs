// pdf.js's text layer of PDF files, as Firefox's viewer builds it for copy and find:
// `node extract_text.mjs a.pdf [b.pdf ...]` prints one JSON object per file:
// {"file": ..., "pages": [[{"str": ..., "hasEOL": ...}, ...], ...]} with getTextContent's items in stream order.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readFile } from "node:fs/promises";

async function textOf(file) {
  const data = new Uint8Array(await readFile(file));
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.filter((i) => "str" in i).map((i) => ({ str: i.str, hasEOL: i.hasEOL })));
    page.cleanup();
  }
  await doc.destroy();
  return { file, pages };
}

for (const file of process.argv.slice(2)) {
  process.stdout.write(JSON.stringify(await textOf(file)) + "\n");
}
