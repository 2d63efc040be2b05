export declare const workspaceRoot: string;
export declare function loadWorkspaceEnv(): NodeJS.ProcessEnv;
