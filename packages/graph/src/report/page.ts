import { escapeXml as esc } from "../svg/escape.js";
import { pageStyleSheet } from "./styles.js";

/** Parts of a standalone page. */
export interface PageParts {
  readonly title: string;
  /** Inner HTML of the header, after the `<h1>`. */
  readonly subtitle?: string;
  readonly body: string;
  /** Script text to inline at the end of the body. */
  readonly script?: string;
  /** A link shown before the title, e.g. back to a list page. */
  readonly backLink?: { readonly href: string; readonly label: string };
  /** Reload the page every N seconds (for an execution still running). */
  readonly refreshSeconds?: number;
}

/**
 * A complete HTML document: styles and script inline, nothing fetched, so
 * the file works offline and from `file://`. A CSP forbids any network use.
 */
export function renderPage(parts: PageParts): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="Statecraft">${
    parts.refreshSeconds === undefined ? "" : `\n<meta http-equiv="refresh" content="${Math.max(1, Math.round(parts.refreshSeconds))}">`
  }
<title>${esc(parts.title)}</title>
<style>${pageStyleSheet()}</style>
</head>
<body>
<header class="sfn-header">${
    parts.backLink === undefined ? "" : `<a class="sfn-back" href="${esc(parts.backLink.href)}">← ${esc(parts.backLink.label)}</a>`
  }<h1>${esc(parts.title)}</h1>${parts.subtitle ?? ""}</header>
${parts.body}
${parts.script === undefined ? "" : `<script>${parts.script.replaceAll("</script", "<\\/script")}</script>`}
</body>
</html>
`;
}
