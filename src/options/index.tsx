// Options (import) page entry: wires the app to the real storage and import worker.
import { render } from 'preact';
import { realImportPageData } from './import-page-data';
import { OptionsApp } from './options-app';
import { adoptPageStyles } from '../ui/page-styles';
import importPageRules from '../../public/styles.css?import-page';

adoptPageStyles(document, importPageRules);
render(<OptionsApp data={realImportPageData()} />, document.getElementById('root')!);
