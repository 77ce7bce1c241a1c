"""`make bench`: run every benchmark in bench/ and print its figures."""

from bench import build_demo

if __name__ == "__main__":
    build_demo.main()
