import { Graphviz } from '@hpcc-js/wasm-graphviz';

let loading: Promise<Graphviz> | undefined;

/** Graphviz compiled to WebAssembly: loaded once, on the first chart, with no native dependency. */
export async function renderSvg(dot: string): Promise<string> {
  loading ??= Graphviz.load();
  return (await loading).dot(dot, 'svg');
}
