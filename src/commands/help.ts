// How help reads: a subcommand's help lists the global flags it inherits
// (its examples use them), under their own heading as gh's INHERITED FLAGS.

import { Help, type HelpConfiguration, type Option } from 'commander';

const INHERITED = 'Inherited Flags:';

export const helpSettings: HelpConfiguration = {
  showGlobalOptions: true,
  // --version prints orderctl's version wherever it is given: not a flag of the subcommand.
  visibleGlobalOptions(cmd) {
    return Help.prototype.visibleGlobalOptions.call(this, cmd).filter((o: Option) => o.long !== '--version');
  },
  formatItemList(heading, items, helper) {
    return Help.prototype.formatItemList.call(this, heading === 'Global Options:' ? INHERITED : heading, items, helper);
  },
};
