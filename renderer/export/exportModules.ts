// What the export chunk holds (renderer/export/load.ts loads it on first use).
export { renderDiagram, type Diagram, type DiagramOptions } from '../../core/diagram';
export { buildReport, renderHtml, renderMarkdown } from '../../core/report';
