def greet(name):
    return f"Hello, {name}!"


def greet_later(name):
    import asyncio  # only the async helper needs it: kept lazy on purpose

    return asyncio.sleep(0, greet(name))
