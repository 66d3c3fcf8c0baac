/** Prints the facade's generated sources with one ts-morph Project (2-space indent, LF, double quotes). */
import { IndentationText, NewLineKind, Project, QuoteKind, type SourceFileStructure } from 'ts-morph';
import { generatedHeader } from '../emit/header.js';
import { capabilitiesStructure, indexStructure, typesStructure } from './emit-entry.js';
import { shimStructure } from './emit-shim.js';
import type { FacadeSource } from './source-list.js';

/** [path, text] of each source, in the order given. */
export function emitFacadeSources(sources: readonly FacadeSource[]): [string, string][] {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed, quoteKind: QuoteKind.Double },
  });
  return sources.map((source) => {
    const file = project.createSourceFile(source.path, structureOf(source));
    file.formatText({ indentSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
    return [source.path, `${generatedHeader(source.from)}\n${file.getFullText()}`];
  });
}

function structureOf(source: FacadeSource): SourceFileStructure {
  switch (source.kind) {
    case 'shim': return shimStructure(source.checked, source.defaultBaseUrl);
    case 'types': return typesStructure(source.checked);
    case 'capabilities': return capabilitiesStructure(source.checked);
    case 'index': return indexStructure(source.checked);
  }
}
