/** Types for sucrase's parser entry points (the package ships no .d.ts beside them). */
declare module 'sucrase/dist/parser/index.js' {
  export function parse(
    input: string,
    isJSXEnabled: boolean,
    isTypeScriptEnabled: boolean,
    isFlowEnabled: boolean,
  ): {
    tokens: import('sucrase/dist/types/parser/tokenizer/index').Token[];
  };
}
declare module 'sucrase/dist/esm/parser/index.js' {
  export function parse(
    input: string,
    isJSXEnabled: boolean,
    isTypeScriptEnabled: boolean,
    isFlowEnabled: boolean,
  ): {
    tokens: import('sucrase/dist/types/parser/tokenizer/index').Token[];
  };
}
