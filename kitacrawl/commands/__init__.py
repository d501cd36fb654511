"""kitacrawl's Scrapy commands (``COMMANDS_MODULE``)."""
