import { defineWebExtConfig } from 'wxt';

// No display on CI and dev servers: WXT must not try to open a browser itself.
export default defineWebExtConfig({ disabled: true });
