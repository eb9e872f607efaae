/* placeholder: assessment.c is written in a later step */
typedef int sqlshift_placeholder_assessment_t;
