export type BrowserKind = 'chromium' | 'firefox';
export declare const BROWSERS: Record<BrowserKind, { name: string; env: string; path: string; debian: string }>;
type Env = Record<string, string | undefined>;
export declare function browserPath(kind: BrowserKind, env?: Env): string;
export declare function missingBrowsers(kinds: BrowserKind[], env?: Env, exists?: (path: string) => boolean): BrowserKind[];
export declare function installHint(kinds: BrowserKind[], env?: Env): string;
