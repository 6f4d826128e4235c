// Labels for the registry's fixed lists (app/db/enums.ts), in both languages.
// (Keys under `contactChannel.`; this file is named after them.)
export const sv = {
  'contactChannel.phone': 'Telefon',
  'contactChannel.mobile': 'Mobiltelefon',
  'contactChannel.email': 'E-post',
  'contactChannel.rakel': 'Rakel-talgrupp',
  'contactChannel.satellite_phone': 'Satellittelefon',
  'contactChannel.radio': 'Radio',
  'contactChannel.meeting_point': 'Fysisk mötesplats',
} as const
