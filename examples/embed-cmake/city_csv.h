#ifndef CITY_CSV_H
#define CITY_CSV_H
/* The separator of the city system's own CSV exports. */
const char *city_csv_separator(void);
#endif
