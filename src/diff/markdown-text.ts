// Strategy text placed in a pull-request comment. Titles and values are written by anyone who
// can open a pull request, so they must stay text: `<script>` is shown, not run; a `|` cannot
// break a table; `*`, `[`, `#` cannot restyle or link; `@team` cannot notify anyone; a newline
// cannot start a block of its own. Entities come after the backslashes so theirs survive.
// Only what can start markup mid-line; user text never starts a line of its own here.
const MARKDOWN_PUNCTUATION = /[\\`*_[\]#!|~]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(MARKDOWN_PUNCTUATION, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // GitHub links mentions in the rendered text, so the word is broken with a zero-width space.
    .replace(/@/g, '@&#8203;');
}

/** An id or path as inline code when it is plainly safe there (code spans cannot be escaped). */
export function codeSpan(text: string): string {
  return /^[\w./:-]+$/.test(text) ? `\`${text}\`` : escapeMarkdown(text);
}
