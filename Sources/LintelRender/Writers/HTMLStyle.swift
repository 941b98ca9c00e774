/// The stylesheet every HTML page carries inline: system fonts, a readable measure, tables that scroll
/// inside their own box on a phone, pictures that shrink to the width, and a print stylesheet.
enum HTMLStyle {
    static let css = """
    :root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --panel: #f6f8fa;
      --error: #b42318; --warning: #9a6700; --info: #0b62a4; --ok: #1a7f37; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; color: var(--fg); background: var(--bg);
      font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.8rem; margin: 0.5rem 0 1rem; }
    h2 { font-size: 1.4rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; margin-top: 2rem; }
    h3 { font-size: 1.15rem; margin-top: 1.5rem; }
    h4, h5, h6 { font-size: 1rem; }
    p, li { overflow-wrap: anywhere; }
    code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em;
      background: var(--panel); padding: 0 0.2em; border-radius: 3px; overflow-wrap: anywhere; }
    pre { background: var(--panel); padding: 0.75rem; overflow-x: auto; border-radius: 4px; }
    pre code { background: none; padding: 0; }
    .scroll { overflow-x: auto; max-width: 100%; margin: 0.75rem 0; }
    .scroll:focus { outline: 2px solid var(--info); }
    table { border-collapse: collapse; font-size: 0.9rem; }
    th, td { border: 1px solid var(--line); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
    thead th { background: var(--panel); }
    tbody th { font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    figure { margin: 1rem 0; }
    .picture { overflow-x: auto; }
    .picture svg { max-width: 100%; height: auto; display: block; }
    .picture svg.diagram { width: 100%; min-width: 36rem; }
    figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.25rem; }
    .tone-error { color: var(--error); font-weight: 600; }
    .tone-warning { color: var(--warning); font-weight: 600; }
    .tone-info { color: var(--info); font-weight: 600; }
    .tone-ok { color: var(--ok); }
    .tone-dim { color: var(--muted); }
    .bar { display: inline-block; width: 5rem; height: 0.7rem; background: var(--panel);
      border: 1px solid var(--line); margin-right: 0.4rem; vertical-align: middle; }
    .bar > span { display: block; height: 100%; }
    .bar-ok > span { background: var(--ok); }
    .bar-warning > span { background: #d4a72c; }
    .bar-error > span { background: var(--error); }
    .lines { list-style: none; padding-left: 0; }
    .lines li { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; }
    @media (max-width: 600px) { main { padding: 0.5rem; } h1 { font-size: 1.4rem; } table { font-size: 0.8rem; } }
    @media print {
      body { font-size: 11pt; }
      main { max-width: none; padding: 0; }
      .scroll, .picture { overflow: visible; }
      .picture svg.diagram { min-width: 0; }
      section { break-inside: auto; }
      h2, h3 { break-after: avoid; }
      figure, tr { break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
