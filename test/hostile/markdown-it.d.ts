/** markdown-it ships no types and @types/markdown-it is not installed; the suite needs only render(). */
declare module 'markdown-it' {
  export default class MarkdownIt {
    constructor(options?: { html?: boolean });
    render(source: string): string;
  }
}
