import type { Command } from 'commander';
import { withConnection } from '../cli-session';
import { actionCommand, connectingArgs, requireArg, TARGET_HELP, type CommandContext } from '../command-context';
import { connectingUsage, withConnectionOptions } from '../connection-options';
import { formatResourceContents } from '../format/content';
import { formatResources, type ResourceLike, type TemplateLike } from '../format/listings';
import { noExtra } from './connect';
import { warnInvalid } from '../invalid-list-warnings';
import type { InvalidListItem } from '../../../shared/model/invalid-list-item';
import { resourceUri } from '../resource-uri';

/** `periscope resources <target>` (resources and templates) and `periscope read <target> <uri>`. */
export function registerResourcesCommands(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program.command('resources').argument('[target]', TARGET_HELP).usage(connectingUsage()).description('list the resources and resource templates a server offers'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    noExtra(rest, cmd);
    await withConnection(cctx, cctx.out, target, options, async (connection, info) => {
      if (!info.capabilities?.resources) {
        cctx.out.data({ resources: [], resourceTemplates: [] });
        cctx.out.line('This server does not offer resources (no "resources" capability).');
        return;
      }
      const listed = (await connection.listResources()) as { resources: ResourceLike[]; invalid?: InvalidListItem[] };
      const templates = (await connection.listResourceTemplates()) as { resourceTemplates: TemplateLike[]; invalid?: InvalidListItem[] };
      const { resources } = listed;
      const { resourceTemplates } = templates;
      cctx.out.data({
        resources,
        resourceTemplates,
        ...(listed.invalid ? { invalidResources: listed.invalid } : {}),
        ...(templates.invalid ? { invalidResourceTemplates: templates.invalid } : {}),
      });
      warnInvalid(cctx, 'resource', listed.invalid);
      warnInvalid(cctx, 'resource template', templates.invalid);
      for (const line of formatResources(resources, resourceTemplates)) cctx.out.line(line);
    });
  });

  withConnectionOptions(
    program
      .command('read')
      .argument('[target]', TARGET_HELP)
      .argument('[uri]', "resource URI, e.g. playground://readme, or a resource template, e.g. 'playground://items/{id}'")
      .argument('[values...]', 'for a template: its variables as name=value (percent-encoded as RFC 6570 says)')
      .usage(connectingUsage('<uri> | <template> name=value ...'))
      .description('read one resource; a resource template is expanded with the values given first'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    const [given, ...values] = rest;
    requireArg(given, 'resource URI', cmd);
    const uri = resourceUri(given, values);
    if (uri !== given) cctx.out.note(`reading ${uri}`);
    await withConnection(cctx, cctx.out, target, options, async (connection) => {
      const result = (await connection.readResource(uri)) as { contents: Array<{ uri: string; text?: string; blob?: string; mimeType?: string }> };
      cctx.out.data(result);
      for (const content of result.contents) {
        if (result.contents.length > 1) cctx.out.line(`--- ${content.uri}${content.mimeType ? ` [${content.mimeType}]` : ''}`);
        for (const line of formatResourceContents(content)) cctx.out.line(line);
      }
    });
  });
}
