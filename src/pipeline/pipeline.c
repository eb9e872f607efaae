/* placeholder: pipeline.c is written in a later step */
typedef int sqlshift_placeholder_pipeline_t;
