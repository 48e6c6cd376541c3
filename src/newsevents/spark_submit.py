"""Entry script for ``spark-submit``, which wants a file rather than a console script::

    spark-submit --master yarn --num-executors 50 \\
        "$(python -c 'import newsevents.spark_submit as m; print(m.__file__)')" \\
        batch s3a://bucket/wire/ --engine spark --out s3a://bucket/newsevents/
"""

from newsevents.cli import main

if __name__ == "__main__":
    main()
