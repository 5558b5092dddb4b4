export declare function buildQuietly(root?: string): void;
