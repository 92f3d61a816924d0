/**
 * The ribbon's FunctionFile (manifest <FunctionFile>). The only ribbon button uses the
 * ShowTaskpane action, which needs no code; Office still loads this page for the add-in's
 * command surface, so it must initialise Office.js and nothing more.
 */
void Office.onReady();
