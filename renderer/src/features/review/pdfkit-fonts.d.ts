// pdfkit 0.20's browser build ships its standard fonts as modules that @types/pdfkit (0.17) does not know.
declare module 'pdfkit/standard-fonts/Helvetica' {
  const font: object;
  export default font;
}
declare module 'pdfkit/standard-fonts/HelveticaBold' {
  const font: object;
  export default font;
}
