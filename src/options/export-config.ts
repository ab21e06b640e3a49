// Export: the stored config as a file, with the organisation's profiles (if any) commented out
// at the end, so that importing the file again never copies them into the user's own config.
import { plural } from '../ui/format';
import type { ImportPageData } from './import-page-data';
import type { PageNotice } from './use-import-page';

/** Downloads the export and says what it holds. */
export async function exportConfig(data: ImportPageData, say: (notice: PageNotice) => void): Promise<void> {
  const exported = await data.exportText();
  if (exported === null) {
    say({ tone: 'error', text: 'There is no stored config to export yet.' });
    return;
  }
  const { text, organisationProfiles } = exported;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'aws-config';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  const fromOrganisation =
    organisationProfiles > 0
      ? ` Your organisation's ${plural(organisationProfiles, 'profile')} ${organisationProfiles === 1 ? 'is' : 'are'} at the end, commented out under "From your organisation's browser policy".`
      : '';
  say({ tone: 'success', text: `Exported the stored config (secrets were never stored, so none are in it).${fromOrganisation}` });
}
