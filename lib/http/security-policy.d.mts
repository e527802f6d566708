export declare function contentSecurityPolicy(options: { dev: boolean; nonce?: string }): string;
export declare const OTHER_SECURITY_HEADERS: readonly { key: string; value: string }[];
