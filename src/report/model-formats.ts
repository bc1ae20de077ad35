/**
 * The formats a command writes for a model of its own (the trend, the roll-up), keyed by the report
 * registry's names: the names, and one render that loads each renderer on first use.
 */
import type { FormatName } from './formats.js';
import type { ToolInfo } from './json.js';

export interface ModelContext {
  tool: ToolInfo;
  color: boolean;
}

export type ModelRenderer<M> = (model: M, context: ModelContext) => string;

export function modelFormats<M, N extends FormatName>(registry: Record<N, () => Promise<ModelRenderer<M>>>) {
  return {
    names: Object.keys(registry) as N[],
    render: async (format: N, model: M, context: ModelContext): Promise<string> => (await registry[format]())(model, context),
  };
}
