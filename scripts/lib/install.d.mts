export declare const MIN_NODE: [number, number];
export declare function nodeProblem(version?: string): string | null;
interface Lock {
  packages?: Record<string, { version?: string; optional?: boolean }>;
}
export declare function installProblem(lock: Lock | null, installed: Lock | null): string | null;
export declare function ensureInstalled(root?: string): void;
