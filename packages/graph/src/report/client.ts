/// <reference lib="dom" />
/**
 * The viewer's page script: selecting a state (click, Enter or Space on a
 * graph node, timeline bar or event row) shows its detail section and
 * highlights it everywhere; Escape goes back to the execution overview.
 * The selection is kept in the URL hash (`#state=Name`).
 *
 * It runs in the browser: {@link viewerScript} inlines its source, so it
 * must not use anything outside its own body.
 */
export function viewerMain(): void {
  const sections = Array.from(document.querySelectorAll<HTMLElement>("[data-details-for]"));
  const selectable = (): HTMLElement[] => Array.from(document.querySelectorAll<HTMLElement>("[data-state]"));

  function select(name: string, visit?: string): void {
    let found = false;
    for (const section of sections) {
      const match = section.dataset.detailsFor === name;
      section.hidden = !match;
      found ||= match;
    }
    if (!found) {
      select("");
      return;
    }
    for (const element of selectable()) element.classList.toggle("sfn-selected", name !== "" && element.dataset.state === name);
    for (const article of Array.from(document.querySelectorAll<HTMLElement>(".sfn-visit"))) {
      article.classList.toggle("sfn-visit-selected", visit !== undefined && article.dataset.visit === visit);
    }
    const panel = document.getElementById("sfn-panel");
    const target = visit === undefined ? null : document.querySelector<HTMLElement>(`.sfn-details:not([hidden]) .sfn-visit[data-visit="${visit}"]`);
    if (target !== null) target.scrollIntoView({ block: "nearest" });
    else if (panel !== null) panel.scrollTop = 0;
    const hash = name === "" ? "" : `#state=${encodeURIComponent(name)}`;
    if (window.location.hash !== hash) history.replaceState(null, "", hash === "" ? window.location.pathname + window.location.search : hash);
  }

  function activate(element: HTMLElement): void {
    const name = element.dataset.state ?? "";
    const alreadySelected = element.classList.contains("sfn-selected") && element.dataset.visit === undefined;
    select(alreadySelected ? "" : name, element.dataset.visit);
  }

  document.addEventListener("click", (event) => {
    const element = (event.target as Element | null)?.closest<HTMLElement>("[data-state]");
    if (element?.dataset.state !== undefined) activate(element);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      select("");
      return;
    }
    if (event.key !== "Enter" && event.key !== " ") return;
    const element = (event.target as Element | null)?.closest<HTMLElement>("[data-state]");
    if (element?.dataset.state === undefined) return;
    event.preventDefault();
    activate(element);
  });
  const fromHash = /^#state=(.*)$/.exec(window.location.hash);
  select(fromHash?.[1] === undefined ? "" : decodeURIComponent(fromHash[1]));
}

/** The script text to inline in a page. */
export function viewerScript(): string {
  return `(${viewerMain.toString()})();`;
}
