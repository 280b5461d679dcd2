/* Internal: the names of a plan workbook's two sheets, as the writer
 * names them (xlsx_write.c) and the reader finds them (xlsx_book.c, which
 * also takes "structure" and "progress"). */
#ifndef KPI_LIB_IO_XLSX_SHEETS_H
#define KPI_LIB_IO_XLSX_SHEETS_H

#define KPI__XLSX_SHEET_STRUCTURE "計画"
#define KPI__XLSX_SHEET_PROGRESS "進捗"

#endif
