/**
 * @file kpi/target.h
 * @brief Targets (期限・数値目標) and what is recorded against them:
 *        measurements (進捗状況 figures) and assessments (進捗度).
 *
 * A target is created by kpi_goal_add_target() and belongs to the plan.
 * Every pointer below is borrowed and stays valid, at the same address,
 * until the plan is freed; every string until its field is set again or the
 * plan is freed.
 *
 * Optional values read as NaN and optional dates as 0 when not set; pass
 * NaN (or 0 for a date) to a setter to clear the field. Setters refuse
 * infinities with #KPI_ERR_VALUE and leave the target unchanged on any
 * error.
 */
#ifndef KPI_TARGET_H
#define KPI_TARGET_H

#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Fields of a target, as bits: which ones the plan-file reader read
 *        from the target's text (kpi_target_inferred()).
 */
typedef enum kpi_field {
    KPI_FIELD_LABEL = 1,       /**< the label */
    KPI_FIELD_UNIT = 2,        /**< the unit */
    KPI_FIELD_KIND = 4,        /**< the kind */
    KPI_FIELD_DIRECTION = 8,   /**< the direction */
    KPI_FIELD_VALUE = 16,      /**< the target value T */
    KPI_FIELD_CHANGE_PCT = 32, /**< the percent of a relative target */
    KPI_FIELD_DUE = 64,        /**< the due date */
    KPI_FIELD_STATUS = 128,    /**< an update's status (kpi/progress.h) */
    KPI_FIELD_PLANNED = 256    /**< an update's planned date */
} kpi_field;

/**
 * @brief One field's stable name, as the `inferred` column of plan files
 *        and the `inferred` member of the JSON and CSV reports write it:
 *        "label", "unit", "kind", "direction", "value", "change_pct",
 *        "due"; "" for 0, a combination of bits or a value that is no
 *        #kpi_field.
 * @param field one #kpi_field bit.
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_field_name(kpi_field field);

/**
 * @brief The target's code.
 * @param target the target; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan; valid until the code is set again or the
 *         plan is freed.
 */
KPI_EXTERN const char *kpi_target_code(const kpi_target *target);
/**
 * @brief Changes the code; giving the code it has already changes nothing.
 * @param target the target. Not NULL.
 * @param code the new code, copied: non-empty, at most #KPI_MAX_CODE
 *        bytes, UTF-8, unused by the plan's other goals and targets. Not
 *        NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target or @p code is NULL;
 *         #KPI_ERR_VALUE for an empty code or one with a blank at either end;
 *         #KPI_ERR_LIMIT for a code over #KPI_MAX_CODE bytes; #KPI_ERR_ENCODING
 *         when it is not valid UTF-8; #KPI_ERR_DUPLICATE when another goal
 *         or target has it; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_target_set_code(kpi_target *target, const char *code);
/**
 * @brief What is counted, e.g. 物件登録件数; "" when not set.
 * @param target the target; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan; valid until the label is set again or
 *         the plan is freed.
 */
KPI_EXTERN const char *kpi_target_label(const kpi_target *target);
/**
 * @brief Sets the label; NULL or "" clears it. Clears #KPI_FIELD_LABEL
 *        from kpi_target_inferred().
 * @param target the target. Not NULL.
 * @param label the label, UTF-8, copied; NULL or "" for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_ENCODING when @p label is not valid UTF-8; #KPI_ERR_LIMIT when
 *         @p label is over #KPI_MAX_FIELD bytes;
 *         #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_target_set_label(kpi_target *target, const char *label);
/**
 * @brief The unit, e.g. 件, 回, %; "" when not set.
 * @param target the target; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan; valid until the unit is set again or the
 *         plan is freed.
 */
KPI_EXTERN const char *kpi_target_unit(const kpi_target *target);
/**
 * @brief Sets the unit; NULL or "" clears it. Clears #KPI_FIELD_UNIT from
 *        kpi_target_inferred().
 * @param target the target. Not NULL.
 * @param unit the unit, UTF-8, copied; NULL or "" for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_ENCODING when @p unit is not valid UTF-8; #KPI_ERR_LIMIT when @p unit
 *         is over #KPI_MAX_FIELD bytes;
 *         #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_target_set_unit(kpi_target *target, const char *unit);
/**
 * @brief The target as originally written, e.g. 物件登録件数30件以上; ""
 *        when not set.
 * @param target the target; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan; valid until the text is set again or the
 *         plan is freed.
 */
KPI_EXTERN const char *kpi_target_text(const kpi_target *target);
/**
 * @brief Sets the original text, kept verbatim; NULL or "" clears it.
 *        Nothing is read from it here (the plan-file reader does that).
 * @param target the target. Not NULL.
 * @param text the text, UTF-8, copied; NULL or "" for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_ENCODING when @p text is not valid UTF-8; #KPI_ERR_LIMIT when @p text
 *         is over #KPI_MAX_FIELD bytes;
 *         #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_target_set_text(kpi_target *target, const char *text);

/**
 * @brief The kind (default #KPI_KIND_NUMERIC).
 * @param target the target; NULL gives #KPI_KIND_NUMERIC (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the kind.
 */
KPI_EXTERN kpi_kind kpi_target_kind(const kpi_target *target);
/**
 * @brief Sets the kind. A target that already has measurements outside
 *        0..1 cannot become a milestone. Clears #KPI_FIELD_KIND from
 *        kpi_target_inferred().
 * @param target the target. Not NULL.
 * @param kind one of #kpi_kind.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_VALUE for a value that is no #kpi_kind, or for
 *         #KPI_KIND_MILESTONE while a measurement is outside 0..1.
 */
KPI_EXTERN int kpi_target_set_kind(kpi_target *target, kpi_kind kind);
/**
 * @brief The direction (default #KPI_DIRECTION_INCREASE).
 * @param target the target; NULL gives #KPI_DIRECTION_INCREASE (and
 *        records #KPI_ERR_ARGUMENT).
 * @return the direction.
 */
KPI_EXTERN kpi_direction kpi_target_direction(const kpi_target *target);
/**
 * @brief Sets the direction. Clears #KPI_FIELD_DIRECTION from
 *        kpi_target_inferred().
 * @param target the target. Not NULL.
 * @param direction one of #kpi_direction.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_VALUE for a value that is no #kpi_direction.
 */
KPI_EXTERN int kpi_target_set_direction(kpi_target *target, kpi_direction direction);
/**
 * @brief The schedule as set (#KPI_SCHEDULE_DEFAULT unless set).
 * @param target the target; NULL gives #KPI_SCHEDULE_DEFAULT (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the schedule.
 */
KPI_EXTERN kpi_schedule kpi_target_schedule(const kpi_target *target);
/**
 * @brief Sets the schedule; #KPI_SCHEDULE_DEFAULT follows the kind.
 * @param target the target. Not NULL.
 * @param schedule one of #kpi_schedule.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_VALUE for a value that is no #kpi_schedule.
 */
KPI_EXTERN int kpi_target_set_schedule(kpi_target *target, kpi_schedule schedule);
/**
 * @brief How measurements accumulate (default #KPI_ACCUMULATE_LATEST).
 * @param target the target; NULL gives #KPI_ACCUMULATE_LATEST (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the rule.
 */
KPI_EXTERN kpi_accumulate kpi_target_accumulate(const kpi_target *target);
/**
 * @brief Sets how measurements accumulate.
 * @param target the target. Not NULL.
 * @param accumulate one of #kpi_accumulate.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_VALUE for a value that is no #kpi_accumulate.
 */
KPI_EXTERN int kpi_target_set_accumulate(kpi_target *target, kpi_accumulate accumulate);

/**
 * @brief The target value T as set; NaN when not set. A milestone's T is
 *        always 1 and a relative target's T comes from its reference and
 *        percent, whatever is set here.
 * @param target the target; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return T, or NaN.
 */
KPI_EXTERN double kpi_target_value(const kpi_target *target);
/**
 * @brief Sets T; NaN clears it. Clears #KPI_FIELD_VALUE from
 *        kpi_target_inferred().
 * @param target the target. Not NULL.
 * @param value T in the target's unit, or NaN.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_VALUE for an infinity.
 */
KPI_EXTERN int kpi_target_set_value(kpi_target *target, double value);
/**
 * @brief The start value S as set; NaN when not set (an INCREASE target
 *        then starts from 0; a DECREASE target needs S).
 * @param target the target; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return S, or NaN.
 */
KPI_EXTERN double kpi_target_start_value(const kpi_target *target);
/**
 * @brief Sets S; NaN clears it.
 * @param target the target. Not NULL.
 * @param value S in the target's unit, or NaN.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_VALUE for an infinity.
 */
KPI_EXTERN int kpi_target_set_start_value(kpi_target *target, double value);
/**
 * @brief The reference value R of a relative target (前年度実績); NaN when
 *        not set.
 * @param target the target; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return R, or NaN.
 */
KPI_EXTERN double kpi_target_reference(const kpi_target *target);
/**
 * @brief Sets R; NaN clears it.
 * @param target the target. Not NULL.
 * @param value R in the target's unit, or NaN.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_VALUE for an infinity.
 */
KPI_EXTERN int kpi_target_set_reference(kpi_target *target, double value);
/**
 * @brief The percent p of a relative target (10 for 前年度比10%増); NaN
 *        when the target is not relative. When set, T = R * (1 + p/100)
 *        for INCREASE and R * (1 - p/100) for DECREASE.
 * @param target the target; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return p, or NaN.
 */
KPI_EXTERN double kpi_target_change_pct(const kpi_target *target);
/**
 * @brief Sets p, making the target relative; NaN clears it. Clears
 *        #KPI_FIELD_CHANGE_PCT from kpi_target_inferred().
 * @param target the target. Not NULL.
 * @param percent p in percent (10 for 10%), or NaN.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_VALUE for an infinity.
 */
KPI_EXTERN int kpi_target_set_change_pct(kpi_target *target, double percent);
/**
 * @brief The weight in the goal's roll-up (default 1).
 * @param target the target; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return the weight.
 */
KPI_EXTERN double kpi_target_weight(const kpi_target *target);
/**
 * @brief Sets the weight.
 * @param target the target. Not NULL.
 * @param weight the weight: finite and > 0.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_VALUE unless @p weight is finite and > 0.
 */
KPI_EXTERN int kpi_target_set_weight(kpi_target *target, double weight);

/**
 * @brief The start date D0 as set, or 0 (then the plan's start applies).
 * @param target the target; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the date, YYYYMMDD, or 0.
 */
KPI_EXTERN int32_t kpi_target_start(const kpi_target *target);
/**
 * @brief Sets D0; 0 clears it.
 * @param target the target. Not NULL.
 * @param date the start date, YYYYMMDD, or 0.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_DATE for an invalid date.
 */
KPI_EXTERN int kpi_target_set_start(kpi_target *target, int32_t date);
/**
 * @brief The due date D1 as set, or 0 (then the plan's end applies).
 * @param target the target; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the date, YYYYMMDD, or 0.
 */
KPI_EXTERN int32_t kpi_target_due(const kpi_target *target);
/**
 * @brief Sets D1; 0 clears it. Clears #KPI_FIELD_DUE from
 *        kpi_target_inferred().
 * @param target the target. Not NULL.
 * @param date the due date, YYYYMMDD, or 0.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_DATE for an invalid date.
 */
KPI_EXTERN int kpi_target_set_due(kpi_target *target, int32_t date);

/**
 * @brief Which fields were read from the target's text rather than given
 *        (a combination of #kpi_field bits; 0 when none). The plan-file
 *        reader sets them (see kpi_reader_set_infer()); setting a field
 *        through its setter clears its bit, and the writers leave inferred
 *        fields empty, so that a file keeps the form its authors wrote.
 * @param target the target; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the #kpi_field bits.
 */
KPI_EXTERN uint32_t kpi_target_inferred(const kpi_target *target);
/**
 * @brief Marks fields as read from the text, replacing the bits set before.
 * @param target the target. Not NULL.
 * @param fields #kpi_field bits combined with `|`; 0 for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_VALUE for bits that are no #kpi_field.
 */
KPI_EXTERN int kpi_target_set_inferred(kpi_target *target, uint32_t fields);

/**
 * @brief The goal the target belongs to.
 * @param target the target; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @return the goal, borrowed: valid until the plan is freed.
 */
KPI_EXTERN kpi_goal *kpi_target_goal(kpi_target *target);

/**
 * @brief Number of measurements, in the order added.
 * @param target the target; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_target_measurement_count(const kpi_target *target);
/**
 * @brief The measurement at @p index, in the order added.
 * @param target the target; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_target_measurement_count() - 1.
 * @return the measurement, borrowed: valid, at the same address, until the
 *         plan is freed (adding more does not move it); NULL (and the last
 *         error #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN kpi_measurement *kpi_target_measurement_at(kpi_target *target, size_t index);
/**
 * @brief Appends a measurement. History is append-only: measurements keep
 *        the order they were added in, and when two share a date the one
 *        added last is the figure of that date.
 * @param target the target measured. Not NULL.
 * @param date the date the figure is as of (valid YYYYMMDD, not 0).
 * @param value the figure: finite; 0..1 for a milestone.
 * @param note optional progress wording, UTF-8, copied (NULL or "" for
 *        none).
 * @return the new measurement, borrowed: valid until the plan is freed. NULL on error,
 * with the last error (kept also on the plan: kpi_plan_error_code()) #KPI_ERR_ARGUMENT
 * when @p target is NULL; #KPI_ERR_DATE for an invalid or 0 @p date; #KPI_ERR_VALUE for a
 * non-finite value or a milestone's value outside 0..1; #KPI_ERR_LIMIT when the target
 * already has #KPI_MAX_RECORDS measurements; #KPI_ERR_ENCODING when @p note is not valid
 * UTF-8; #KPI_ERR_NOMEM. On error the target is unchanged.
 */
KPI_EXTERN kpi_measurement *kpi_target_add_measurement(kpi_target *target, int32_t date,
                                                       double value, const char *note);

/**
 * @brief Number of assessments, in the order added.
 * @param target the target; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_target_assessment_count(const kpi_target *target);
/**
 * @brief The assessment at @p index, in the order added.
 * @param target the target; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_target_assessment_count() - 1.
 * @return the assessment, borrowed: valid, at the same address, until the
 *         plan is freed; NULL (and the last error #KPI_ERR_RANGE) when out
 *         of range.
 */
KPI_EXTERN kpi_assessment *kpi_target_assessment_at(kpi_target *target, size_t index);
/**
 * @brief Records a person's rating of the target (see
 *        kpi_goal_add_assessment()).
 * @param target the target rated. Not NULL.
 * @param date the date the rating is as of (valid YYYYMMDD, not 0).
 * @param rating one of the four ratings (not #KPI_RATING_NONE).
 * @param comment optional text, UTF-8, copied (NULL or "" for none).
 * @return the new assessment, borrowed: valid until the plan is freed. NULL on error,
 * with the last error (kept also on the plan: kpi_plan_error_code()) #KPI_ERR_ARGUMENT
 * when @p target is NULL; #KPI_ERR_DATE for an invalid or 0 @p date; #KPI_ERR_VALUE for a
 * @p rating that is none of the four; #KPI_ERR_LIMIT when the target already has
 * #KPI_MAX_RECORDS assessments; #KPI_ERR_ENCODING when
 *         @p comment is not valid UTF-8; #KPI_ERR_NOMEM. On error the
 *         target is unchanged.
 */
KPI_EXTERN kpi_assessment *kpi_target_add_assessment(kpi_target *target, int32_t date,
                                                     kpi_rating rating,
                                                     const char *comment);

/**
 * @brief The date the figure is as of.
 * @param measurement the measurement; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the date, YYYYMMDD.
 */
KPI_EXTERN int32_t kpi_measurement_date(const kpi_measurement *measurement);
/**
 * @brief Corrects the date; the order of addition is kept.
 * @param measurement the measurement. Not NULL.
 * @param date the new date (valid YYYYMMDD, not 0).
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p measurement is NULL;
 *         #KPI_ERR_DATE for an invalid or 0 @p date.
 */
KPI_EXTERN int kpi_measurement_set_date(kpi_measurement *measurement, int32_t date);
/**
 * @brief The figure.
 * @param measurement the measurement; NULL gives NaN (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the figure.
 */
KPI_EXTERN double kpi_measurement_value(const kpi_measurement *measurement);
/**
 * @brief Corrects the figure.
 * @param measurement the measurement. Not NULL.
 * @param value the new figure: finite; 0..1 when the target is a milestone.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p measurement is NULL;
 *         #KPI_ERR_VALUE for a non-finite value or a milestone's value
 *         outside 0..1.
 */
KPI_EXTERN int kpi_measurement_set_value(kpi_measurement *measurement, double value);
/**
 * @brief The progress wording; "" when not set.
 * @param measurement the measurement; NULL gives "" (and records
 *        #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan; valid until the note is set again or the
 *         plan is freed.
 */
KPI_EXTERN const char *kpi_measurement_note(const kpi_measurement *measurement);
/**
 * @brief Sets the note; NULL or "" clears it.
 * @param measurement the measurement. Not NULL.
 * @param note the wording, UTF-8, copied; NULL or "" for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p measurement is NULL;
 *         #KPI_ERR_ENCODING when @p note is not valid UTF-8; #KPI_ERR_LIMIT when @p note
 *         is over #KPI_MAX_FIELD bytes;
 *         #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_measurement_set_note(kpi_measurement *measurement, const char *note);
/**
 * @brief Who reported the figure; "" when not set.
 * @param measurement the measurement; NULL gives "" (and records
 *        #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan; valid until the author is set again or
 *         the plan is freed.
 */
KPI_EXTERN const char *kpi_measurement_author(const kpi_measurement *measurement);
/**
 * @brief Sets the author; NULL or "" clears it.
 * @param measurement the measurement. Not NULL.
 * @param author the author, UTF-8, copied; NULL or "" for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p measurement is NULL;
 *         #KPI_ERR_ENCODING when @p author is not valid UTF-8; #KPI_ERR_LIMIT when
 *         @p author is over #KPI_MAX_FIELD bytes;
 *         #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_measurement_set_author(kpi_measurement *measurement,
                                          const char *author);
/**
 * @brief Whether the figure was read from a progress text by the reader
 *        (kpi_reader_set_infer()) rather than written by the city: such a
 *        figure is marked in reports and is not written back to files.
 * @param measurement the measurement; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return #KPI_FIELD_VALUE when read from text, else 0.
 */
KPI_EXTERN uint32_t kpi_measurement_inferred(const kpi_measurement *measurement);

/**
 * @brief The date the rating is as of.
 * @param assessment the assessment; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the date, YYYYMMDD.
 */
KPI_EXTERN int32_t kpi_assessment_date(const kpi_assessment *assessment);
/**
 * @brief Corrects the date.
 * @param assessment the assessment. Not NULL.
 * @param date the new date (valid YYYYMMDD, not 0).
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p assessment is NULL;
 *         #KPI_ERR_DATE for an invalid or 0 @p date.
 */
KPI_EXTERN int kpi_assessment_set_date(kpi_assessment *assessment, int32_t date);
/**
 * @brief The rating.
 * @param assessment the assessment; NULL gives #KPI_RATING_NONE (and
 *        records #KPI_ERR_ARGUMENT).
 * @return the rating.
 */
KPI_EXTERN kpi_rating kpi_assessment_rating(const kpi_assessment *assessment);
/**
 * @brief Corrects the rating.
 * @param assessment the assessment. Not NULL.
 * @param rating one of the four ratings (not #KPI_RATING_NONE).
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p assessment is NULL;
 *         #KPI_ERR_VALUE for a @p rating that is none of the four.
 */
KPI_EXTERN int kpi_assessment_set_rating(kpi_assessment *assessment, kpi_rating rating);
/**
 * @brief The assessor's comment; "" when not set.
 * @param assessment the assessment; NULL gives "" (and records
 *        #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan; valid until the comment is set again or
 *         the plan is freed.
 */
KPI_EXTERN const char *kpi_assessment_comment(const kpi_assessment *assessment);
/**
 * @brief Sets the comment; NULL or "" clears it.
 * @param assessment the assessment. Not NULL.
 * @param comment the comment, UTF-8, copied; NULL or "" for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p assessment is NULL;
 *         #KPI_ERR_ENCODING when @p comment is not valid UTF-8; #KPI_ERR_LIMIT when
 *         @p comment is over #KPI_MAX_FIELD bytes;
 *         #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_assessment_set_comment(kpi_assessment *assessment,
                                          const char *comment);
/**
 * @brief Who rated; "" when not set.
 * @param assessment the assessment; NULL gives "" (and records
 *        #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan; valid until the author is set again or
 *         the plan is freed.
 */
KPI_EXTERN const char *kpi_assessment_author(const kpi_assessment *assessment);
/**
 * @brief Sets the author; NULL or "" clears it.
 * @param assessment the assessment. Not NULL.
 * @param author the author, UTF-8, copied; NULL or "" for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p assessment is NULL;
 *         #KPI_ERR_ENCODING when @p author is not valid UTF-8; #KPI_ERR_LIMIT when
 *         @p author is over #KPI_MAX_FIELD bytes;
 *         #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_assessment_set_author(kpi_assessment *assessment, const char *author);

#ifdef __cplusplus
}
#endif

#endif /* KPI_TARGET_H */
