// What the export chunk holds (renderer/export/load.ts loads it on first use).
// TEMPORARY: core/diagram (helper "diagram") has not landed yet; until it does, the diagram comes
// from core/report's stand-in with the same contract. Switch this line to '../../core/diagram'.
export { renderDiagram, type Diagram, type DiagramOptions } from '../../core/report/diagramTemporary';
export { buildReport, renderHtml, renderMarkdown } from '../../core/report';
