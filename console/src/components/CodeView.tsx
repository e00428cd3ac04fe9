import { useEffect, useMemo, useRef } from 'react';
import hljs from 'highlight.js/lib/core';
import yaml from 'highlight.js/lib/languages/yaml';
import type { HLJSApi, Language } from 'highlight.js';

/** Drools Rule Language for highlight.js: keywords, rule names, strings, numbers and comments. */
function drl(api: HLJSApi): Language {
  return {
    name: 'DRL',
    keywords: {
      keyword: 'package import global rule when then end query declare function extends salience agenda-group '
        + 'activation-group ruleflow-group no-loop lock-on-active auto-focus dialect enabled date-effective '
        + 'date-expires duration timer not exists forall from accumulate collect entry-point eval and or over '
        + 'in matches memberOf contains soundslike modify insert insertLogical update delete retract',
      literal: 'true false null',
      type: 'int long double float boolean String Integer Long Double List Map Set',
    },
    contains: [
      api.C_LINE_COMMENT_MODE,
      api.C_BLOCK_COMMENT_MODE,
      api.HASH_COMMENT_MODE,
      api.QUOTE_STRING_MODE,
      api.APOS_STRING_MODE,
      api.C_NUMBER_MODE,
      { begin: [/\brule/, /\s+/, /"[^"]*"/], beginScope: { 1: 'keyword', 3: 'title' } },
      { className: 'variable', begin: /\$[A-Za-z_]\w*/ },
    ],
  };
}

hljs.registerLanguage('yaml', yaml);
hljs.registerLanguage('drl', drl);

export function languageOf(path: string): string | null {
  if (path.endsWith('.drl')) {
    return 'drl';
  }
  if (path.endsWith('.yaml') || path.endsWith('.yml')) {
    return 'yaml';
  }
  return null;
}

/** The lines of a file, each highlighted on its own (highlight.js escapes the text it is given). */
export function highlightLines(path: string, content: string): string[] {
  const language = languageOf(path);
  return content.replace(/\r\n/g, '\n').split('\n').map((line) => {
    if (!language) {
      return hljs.highlight(line, { language: 'plaintext', ignoreIllegals: true }).value;
    }
    return hljs.highlight(line, { language, ignoreIllegals: true }).value;
  });
}

/**
 * A file read-only, syntax-highlighted, with line numbers; each line has the anchor {@code L<n>} of its file, and
 * the line a problem points to is marked and scrolled to.
 */
export function CodeView({ path, content, line }: { path: string; content: string; line?: number | null }) {
  const lines = useMemo(() => highlightLines(path, content), [path, content]);
  const marked = useRef<HTMLLIElement>(null);
  useEffect(() => {
    marked.current?.scrollIntoView?.({ block: 'center' });
  }, [line, path]);
  const anchor = (n: number) => `${path.replace(/[^A-Za-z0-9]+/g, '-')}-L${n}`;
  return (
    <figure className="code-view">
      <figcaption><code>{path}</code> <span className="muted">({lines.length} lines, read-only)</span></figcaption>
      <ol className="code hljs" tabIndex={0} aria-label={`${path}, read-only`}>
        {lines.map((html, i) => (
          <li key={i} id={anchor(i + 1)} ref={line === i + 1 ? marked : undefined}
              className={line === i + 1 ? 'marked' : undefined} aria-current={line === i + 1 ? 'true' : undefined}>
            <span className="code-line" dangerouslySetInnerHTML={{ __html: html || ' ' }} />
          </li>
        ))}
      </ol>
    </figure>
  );
}
