/** Prints the facade's generated sources with one ts-morph Project (2-space indent, LF, double quotes). */
import { IndentationText, NewLineKind, Project, QuoteKind, type SourceFileStructure } from 'ts-morph';
import { generatedHeader } from '../emit/header.js';
import type { CheckedMapping } from './check.js';
import { capabilitiesStructure, indexStructure, typesStructure } from './emit-entry.js';
import { shimStructure } from './emit-shim.js';

/** `defaultBaseUrls`: each provider's default server, by provider id. */
export function emitFacadeSources(checked: readonly CheckedMapping[], defaultBaseUrls: ReadonlyMap<string, string>): [string, string][] {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed, quoteKind: QuoteKind.Double },
  });
  const files: [string, SourceFileStructure, string][] = [
    ...checked.map((c) => [`src/providers/${c.provider.id}.ts`, shimStructure(c, defaultBaseUrls.get(c.provider.id)!), c.file] as [string, SourceFileStructure, string]),
    ['src/types.ts', typesStructure(checked), 'specs/providers.yaml'],
    ['src/capabilities.ts', capabilitiesStructure(checked), 'specs/mappings/'],
    ['src/index.ts', indexStructure(checked), 'specs/providers.yaml'],
  ];
  return files.map(([path, structure, from]) => {
    const file = project.createSourceFile(path, structure);
    file.formatText({ indentSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
    return [path, `${generatedHeader(from)}\n${file.getFullText()}`];
  });
}
