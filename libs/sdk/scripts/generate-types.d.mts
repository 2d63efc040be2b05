export declare const DOCUMENT_PATH: string;
export declare const GENERATED_PATH: string;
/** The generated file's text for an OpenAPI document (default: apps/gateway/openapi.json). */
export declare function generateSdkTypes(document?: unknown): Promise<string>;
