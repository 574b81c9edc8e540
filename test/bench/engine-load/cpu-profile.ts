import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Runs `work` under V8's sampling profiler and hands back what it sampled (this process only). */
export async function profiled<T>(work: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    // One sample a millisecond: enough over a few thousand events, and the profiler's own cost stays small.
    await session.post('Profiler.setSamplingInterval', { interval: 1000 });
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = await session.post('Profiler.stop');
    return { result, profile: profile as unknown as CpuProfile };
  } finally {
    session.disconnect();
  }
}

/** Keeps a profile where Chrome's DevTools (Performance → load) or speedscope can open it. */
export async function saveProfile(directory: string, name: string, profile: CpuProfile): Promise<string> {
  const file = join(directory, `${name.replace(/[^A-Za-z0-9_-]+/g, '-')}.cpuprofile`);
  await mkdir(directory, { recursive: true });
  await writeFile(file, JSON.stringify(profile));
  return file;
}

/** Where a sample's time is booked: the npm package, the app's folder, or V8's and Node's own work. */
function placeOf({ url, functionName }: ProfileNode['callFrame']): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return inPackage[1];
  const inApp = /\/(src|test)\/(.+?)\/[^/]+$/.exec(url);
  if (inApp) return `${inApp[1]}/${inApp[2]}`;
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  return functionName || '(native)';
}

/** Self time per place, busiest first, idle and the profiler's own work left out. */
export function selfTimeByPlace(profile: CpuProfile): { place: string; ms: number; share: number }[] {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byPlace = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id)!;
    if (frame.functionName === '(idle)' || frame.url.startsWith('node:inspector')) return;
    const micros = profile.timeDeltas[index] ?? 0;
    busy += micros;
    const place = placeOf(frame);
    byPlace.set(place, (byPlace.get(place) ?? 0) + micros);
  });
  return [...byPlace]
    .map(([place, micros]) => ({ place, ms: micros / 1000, share: busy ? micros / busy : 0 }))
    .sort((a, b) => b.ms - a.ms);
}
