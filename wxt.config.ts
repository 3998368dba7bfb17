import { defineConfig } from 'wxt';
import { IMAGE_CDN_HOSTS, MARKETPLACE_HOSTS } from './utils/marketplaces/hosts';

// Manifest data only; behaviour lives in entrypoints/ and utils/.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Least privilege: only marketplace hosts; anything else is asked for at run time.
    host_permissions: [...MARKETPLACE_HOSTS, ...IMAGE_CDN_HOSTS],
    // <all_urls> only for the browser's own screenshot (captureVisibleTab needs it or activeTab);
    // https/localhost for syncing the authorized list from a brand's URL; http too for RFC 3161
    // TSAs, most of which (the public defaults included) serve plain http. Asked for when needed.
    optional_host_permissions: ['<all_urls>', 'https://*/*', 'http://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    // No `tabs`: the background reads the URL only of marketplace tabs, which the host permissions
    // already reveal. `notifications`: re-check reminders after a complaint. No `downloads`: exports are saved from the dashboard page (components/ui/save-blob.ts).
    permissions: ['storage', 'scripting', 'activeTab', 'alarms', 'contextMenus', 'notifications', ...(browser === 'firefox' ? [] : ['pageCapture'])],
    optional_permissions: ['management'],
    // what a company may set by policy (read-only in the dashboard): the locker and the brand key
    // (Chromium's policy schema; Firefox reads managed storage from its own policies.json)
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    commands: {
      'capture-evidence': { suggested_key: { default: 'Alt+Shift+E' }, description: '__MSG_captureCommand__' },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; img-src 'self' data: blob: https:",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'listingproof@listingproof.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
