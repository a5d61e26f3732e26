// The incremental highlighter on strings: whatever the chunking, frozen + tail HTML ends equal to
// highlight.js's one-shot output, frozen HTML is never taken back, and the text highlighted per
// update does not grow with the block.
import { expect } from '@open-wc/testing';
import hljsCore from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import { IncrementalHighlighter, type Highlighter } from '../../src/markdown/incremental-highlight.js';
import { randomPieces, seededRandom } from '../support.js';

const hljs = hljsCore.newInstance();
for (const [name, grammar] of Object.entries({ bash, css, javascript, json, markdown, python, rust, sql, typescript, xml })) {
  hljs.registerLanguage(name, grammar);
}

const samples: Record<string, string> = {
  javascript: `/**
 * Retries a request.
 * @param {number} times
 */
export async function retry(fn, times = 3) {
  let last;
  for (let i = 0; i < times; i++) {
    try {
      return await fn(\`attempt \${i + 1} of \${times}\`);
    } catch (error) {
      last = error; // keep the last one
    }
  }
  const re = /a\\/b[c-d]+$/gi;
  throw new Error('gave up: ' + String(last) + "!");
}
class Cache extends Map { get size() { return super.size; } }
`,
  typescript: `interface Options<T> {
  key: keyof T;
  limit?: number;
}

export function pick<T>(items: T[], { key, limit = 10 }: Options<T>): T[K][] {
  const seen = new Set<unknown>();
  return items.filter((item) => !seen.has(item[key]) && seen.add(item[key])).slice(0, limit) as any;
}
type Mode = 'a' | "b" | \`c\${string}\`;
`,
  python: `import asyncio
from typing import Iterable

def chunks(items: Iterable[int], size: int = 3):
    """Yield lists of \`size\` items.

    The last one may be shorter.
    """
    batch = []
    for item in items:
        batch.append(item)  # collect
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch

@decorator(x=1)
async def main() -> None:
    print(f"{sum(range(10))!r} done", r'raw\\n', b'bytes')
    await asyncio.sleep(0.5)
`,
  xml: `<!DOCTYPE html>
<html lang="en">
<head>
  <style>
    body { color: #333; margin: 0 auto; }
    .card:hover > a[href^="https"] { text-decoration: underline; }
  </style>
  <script>
    const x = 1 < 2 && "a" !== 'b';
    document.querySelector('#app').textContent = \`\${x}\`;
  </script>
</head>
<body>
  <!-- a comment
       over two lines -->
  <div id="app" class="card" data-x='1'>Hello &amp; welcome</div>
  <![CDATA[ raw < text ]]>
</body>
</html>
`,
  css: `@media (max-width: 600px) {
  .grid { display: grid; grid-template-columns: repeat(2, 1fr); }
}
/* a block
   comment */
:root { --accent: #0969da; }
a::after { content: "→ \\""; color: var(--accent, red) !important; }
`,
  rust: `use std::collections::HashMap;

/// Counts words.
fn count(text: &str) -> HashMap<&str, usize> {
    let mut map = HashMap::new();
    for word in text.split_whitespace() {
        *map.entry(word).or_insert(0) += 1;
    }
    /* nested /* block */ comment */
    let s = r#"raw "string""#;
    println!("{:?} {}", map, s);
    map
}
impl<'a> Iterator for Words<'a> { type Item = &'a str; fn next(&mut self) -> Option<Self::Item> { None } }
`,
  bash: `#!/usr/bin/env bash
set -euo pipefail
for f in "$@"; do
  if [[ -f "$f" ]]; then
    echo "file: \${f##*/} $(wc -l < "$f")"
  fi
done
cat <<EOF
heredoc $HOME
EOF
export PATH="$HOME/bin:$PATH" # comment
`,
  json: `{
  "name": "stream-chat-element",
  "version": "0.1.0",
  "nested": { "list": [1, 2.5, -3e4, true, false, null], "s": "a \\"quoted\\" word" }
}
`,
  sql: `-- monthly totals
SELECT date_trunc('month', created_at) AS month,
       count(*) FILTER (WHERE status = 'paid') AS paid
FROM orders o
JOIN users u ON u.id = o.user_id
/* only this year
   please */
WHERE created_at >= '2024-01-01'
GROUP BY 1 ORDER BY 1 DESC;
`,
  markdown: `Title
=====

Some *emphasis* and **strong** text with \`code\`.

Subtitle
--------

- item one
- item [link](https://example.com)

\`\`\`js
const inner = 1;
\`\`\`

> quote
`,
};

/** Streams `parts` through a highlighter, checking every step, and returns the final HTML. */
function stream(highlighter: IncrementalHighlighter, parts: string[]): string {
  let code = '';
  let frozen = '';
  let tail = '';
  for (const part of parts) {
    code += part;
    const step = highlighter.update(code);
    expect(step.restart, 'no restart while the code only grows').to.be.false;
    frozen += step.frozen;
    tail = step.tail;
  }
  return frozen + tail;
}

describe('IncrementalHighlighter', () => {
  for (const [language, code] of Object.entries(samples)) {
    it(`ends with the one-shot HTML for ${language}, however the code is chunked`, () => {
      const oneShot = hljs.highlight(code, { language, ignoreIllegals: true }).value;
      expect(oneShot, 'the sample is really highlighted').to.contain('<span class="hljs-');
      const next = seededRandom(language.length * 7919);
      for (let run = 0; run < 30; run++) {
        const max = [1, 3, 8, 20, 60][run % 5];
        const parts = randomPieces(code, next, max);
        const html = stream(new IncrementalHighlighter(hljs, language), parts);
        expect(html, `${language}, chunks of up to ${max}: ${JSON.stringify(parts.slice(0, 8))}...`).to.equal(oneShot);
      }
    });

    it(`ends with the one-shot HTML for ${language} at every prefix, streamed line by line`, () => {
      const highlighter = new IncrementalHighlighter(hljs, language);
      let frozen = '';
      for (let end = 1; end <= code.length; end++) {
        const step = highlighter.update(code.slice(0, end));
        frozen += step.frozen;
        // Frozen HTML is never taken back: it is the start of the one-shot HTML of the whole sample.
        expect(hljs.highlight(code, { language, ignoreIllegals: true }).value.startsWith(frozen), `frozen at ${end}`).to.be.true;
      }
    });
  }

  it('highlights only the last lines on each update, however long the block', () => {
    let highlighted = 0;
    let largest = 0;
    const counting: Highlighter = {
      getLanguage: (name) => hljs.getLanguage(name),
      highlight: (code, options) => {
        highlighted += code.length;
        return hljs.highlight(code, options);
      },
    };
    const highlighter = new IncrementalHighlighter(counting, 'javascript');
    const line = (i: number) => `  const value${i} = compute(${i}, "text ${i}"); // step ${i}\n`;
    let code = 'function big() {\n';
    let early = 0;
    for (let i = 0; i < 800; i++) {
      for (const piece of line(i).match(/.{1,16}/gs)!) {
        code += piece;
        highlighted = 0;
        highlighter.update(code);
        largest = Math.max(largest, highlighted);
      }
      if (i === 20) early = largest;
    }
    // Two highlights of at most about two lines each, not of the 40 KB block.
    expect(code.length).to.be.greaterThan(40_000);
    expect(largest).to.be.below(4 * line(799).length);
    expect(largest, 'as much at the end as near the start').to.be.at.most(early * 1.1);
  });

  it('keeps a multi-line construct in the tail until it closes, then freezes past it', () => {
    const highlighter = new IncrementalHighlighter(hljs, 'javascript');
    let code = 'const a = 1;\nconst b = 2;\n/* open\n';
    highlighter.update(code);
    let frozen = highlighter.update(code).frozen;
    for (let i = 0; i < 5; i++) {
      code += `  comment line ${i}\n`;
      frozen += highlighter.update(code).frozen;
    }
    expect(frozen, 'nothing of the open comment is frozen').not.to.contain('comment line');
    code += '*/\nconst c = 3;\nconst d = 4;\n';
    frozen += highlighter.update(code).frozen;
    frozen += highlighter.update(code + 'x\n').frozen;
    expect(frozen).to.contain('comment line 4');
    expect(hljs.highlight(code, { language: 'javascript' }).value.startsWith(frozen)).to.be.true;
  });

  it('starts over when the code is replaced rather than extended', () => {
    const highlighter = new IncrementalHighlighter(hljs, 'python');
    let text = '';
    for (let i = 0; i < 5; i++) highlighter.update((text += `x = ${i}\n`));
    const step = highlighter.update('def other():\n    pass\n');
    expect(step.restart).to.be.true;
    expect(step.frozen + step.tail).to.equal(hljs.highlight('def other():\n    pass\n', { language: 'python' }).value);
  });
});
