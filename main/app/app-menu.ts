import { Menu, shell, type MenuItemConstructorOptions } from 'electron';

const DOCS_URL = 'https://modelcontextprotocol.io/';
const ISSUES_URL = 'https://github.com/modelcontextprotocol';

/** The standard application menu: platform roles, plus help links that open in the browser. */
export function installAppMenu(options: { isMac: boolean; isDev: boolean }): void {
  const template: MenuItemConstructorOptions[] = [
    ...(options.isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(options.isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Model Context Protocol documentation', click: () => void shell.openExternal(DOCS_URL) },
        { label: 'MCP on GitHub', click: () => void shell.openExternal(ISSUES_URL) },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
